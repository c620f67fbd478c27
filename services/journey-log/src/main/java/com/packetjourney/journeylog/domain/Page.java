package com.packetjourney.journeylog.domain;

import java.util.List;

/** One page of a longer result: {@code items} start at {@code offset} among {@code total}. */
public record Page<T>(List<T> items, int total, int offset, int limit) {

    public static <T> Page<T> of(List<T> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        int to = (int) Math.min(all.size(), (long) from + limit);
        return new Page<>(List.copyOf(all.subList(from, to)), all.size(), offset, limit);
    }

    public boolean hasNext() {
        return offset + items.size() < total;
    }

    public boolean hasPrevious() {
        return offset > 0;
    }
}
