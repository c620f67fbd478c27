package com.packetjourney.journeylog.rest;

import com.packetjourney.journeylog.messaging.ReadModel;
import com.packetjourney.journeylog.service.JourneyLogService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;
import java.util.Set;

/** This instance's read model: what it has read, which partitions it snapshots, what its last snapshots cover. */
@Path("/read-model")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "read model")
public class ReadModelResource {
    @Inject
    ReadModel readModel;
    @Inject
    JourneyLogService service;

    public record ReadModelState(String instance, int journeys, long unreadableRecords, long recordsReadSinceStart,
                                 int snapshotsRestoredAtStart, String snapshotTopic, Set<Integer> ownedPartitions,
                                 Map<Integer, Map<String, Long>> offsets,
                                 Map<Integer, Map<String, Long>> lastSnapshots) {
    }

    @GET
    @Operation(summary = "Offsets read per hop partition, the partitions this instance owns in the journey-log "
            + "consumer group (and so snapshots) and the offsets its last snapshots cover")
    public ReadModelState state() {
        return new ReadModelState(readModel.instanceId(), service.journeyCount(), service.unreadableRecords(),
                readModel.recordsReadSinceStart(), readModel.restoredSnapshots(), readModel.snapshotTopic(),
                readModel.ownedPartitions(), service.offsets(), readModel.lastSnapshots());
    }
}
