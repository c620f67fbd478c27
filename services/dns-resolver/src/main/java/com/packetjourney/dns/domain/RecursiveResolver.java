package com.packetjourney.dns.domain;

import com.packetjourney.contracts.FailureCode;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * A recursive resolver resolving A records (RFC 1034 §5.3.3): it answers from its cache what it can (data, CNAMEs
 * and negative answers, RFC 2308 §5), otherwise asks the servers of the deepest zone cut it knows (from its cache,
 * else the root hints), follows referrals using their glue, and restarts at the canonical name of a CNAME. Every
 * RRset it receives, and every negative answer with an SOA, is learned for its cache.
 *
 * <p>Glue is trusted only within the bailiwick of the server that gave it (RFC 2181 §5.4.1); a referral whose name
 * servers come without a usable address has their addresses looked up first, as a resolution of its own whose
 * steps are marked with the name server they are for. With QNAME minimisation (RFC 9156, on by default as in
 * Unbound, BIND and Knot) each server is asked for the name one label below its zone, with QTYPE A as Unbound
 * sends (§2.1), and only the servers of the name's own zone see the full name.
 */
public final class RecursiveResolver {
    /** Longest CNAME chain followed before giving up, as resolvers bound it (BIND and Unbound use small limits). */
    public static final int MAX_CNAME_CHAIN = 8;
    /** How long the resolver waits on a silent server before trying the next: a resolver setting of the model. */
    public static final long QUERY_TIMEOUT_MICROS = 1_000_000;
    /**
     * RFC 9156 §2.3: at most this many minimised queries per resolution, then the full name. (The RFC's
     * MINIMISE_ONE_LAB, adding several labels a query after the fourth, is not modelled: one label a query.)
     */
    public static final int MAX_MINIMISE_COUNT = 10;
    /** How deep name server address lookups may nest, as BIND's max-recursion-depth (default 7). */
    public static final int MAX_LOOKUP_DEPTH = 7;

    private final AuthoritativeServers network;
    private final boolean qnameMinimisation;

    /** A resolver with QNAME minimisation on, as current resolvers ship. */
    public RecursiveResolver(AuthoritativeServers network) {
        this(network, true);
    }

    public RecursiveResolver(AuthoritativeServers network, boolean qnameMinimisation) {
        this.network = network;
        this.qnameMinimisation = qnameMinimisation;
    }

    public boolean qnameMinimisation() {
        return qnameMinimisation;
    }

    /** Resolves with a cold cache; {@code random} draws the query ids, so a seeded one gives the same trace. */
    public Resolution resolve(Name question, RandomGenerator random) {
        return resolve(question, random, ResolverCache.EMPTY);
    }

    /** Resolves using what {@code cache} holds at the instant of the resolution. */
    public Resolution resolve(Name question, RandomGenerator random, ResolverCache cache) {
        return new Run(question, random, cache, Set.of()).resolve();
    }

    /** The state of one resolution: queries sent, aliases followed, zone cuts and records learned. */
    private final class Run {
        private final Name question;
        private final RandomGenerator random;
        private final ResolverCache cache;
        private final List<Step> steps = new ArrayList<>();
        private final List<Name> chain = new ArrayList<>();
        private final List<Record> answer = new ArrayList<>();
        private final List<CacheEntry> learned = new ArrayList<>();
        private final Map<Name, Delegation> cuts = new HashMap<>();
        /** The names being resolved by this run and the runs it is part of: a name server lookup never loops. */
        private final Set<Name> resolving;
        /** Per zone cut, the longest name its servers showed to exist without a cut below (minimisation). */
        private final Map<Name, Name> provenAt = new HashMap<>();
        /** Zone cuts whose servers get the full name: a minimised name there turned out to be an alias. */
        private final Set<Name> fullNameAt = new HashSet<>();
        private int minimisedQueries;
        /** The first cache lookup that did not answer; null while the cache answered everything. */
        private CacheProbe firstMiss;

        Run(Name question, RandomGenerator random, ResolverCache cache, Set<Name> outer) {
            this.question = question;
            this.random = random;
            this.cache = cache;
            this.resolving = new HashSet<>(outer);
            this.resolving.add(question);
            cuts.put(Name.root, network.rootHints());
        }

        Resolution resolve() {
            Name qname = question;
            while (true) {
                // Step 1: the answer may be in local information.
                CacheProbe local = cache.lookup(qname, Type.A);
                if (local.answers()) {
                    CacheEntry entry = local.entry();
                    answer.addAll(entry.records());
                    if (entry.isNegative()) {
                        return negative(entry.negative(), qname, " (cached " + entry.negative()
                                + " at the resolver, " + local.ttlRemainingSeconds() + " s left)");
                    }
                    if (entry.key().type() != Type.CNAME) {
                        return done(null, null);
                    }
                    CNAMERecord alias = (CNAMERecord) entry.records().get(0);
                    Optional<String> badChain = extendChain(alias);
                    if (badChain.isPresent()) {
                        return done(FailureCode.DNS_CNAME_LOOP, badChain.get());
                    }
                    qname = alias.getTarget();
                    continue;
                }
                if (firstMiss == null) {
                    firstMiss = local;
                }
                Delegation cut = closestCut(qname);
                Name sent = nameToSend(cut.zone(), qname);
                int firstAttempt = steps.size();
                Optional<Step> reply = ask(cut, sent);
                if (reply.isEmpty()) {
                    return done(FailureCode.DNS_SERVFAIL, "no server of zone " + cut.zone() + " answered for "
                            + qname + ": " + whyNot(cut, steps.subList(firstAttempt, steps.size())));
                }
                Step step = reply.get();
                learn(step.response(), cut.zone());
                if (step.kind() == Step.Kind.REFERRAL) {
                    Delegation child = Delegation.fromReferral(step.response(), cut.zone());
                    if (!child.hasReachableServer()) {
                        Optional<String> unreachable = lookUpNameServers(child);
                        if (unreachable.isPresent()) {
                            return done(FailureCode.DNS_SERVFAIL, step.server() + " (" + step.serverIp()
                                    + ") refers " + sent + " to zone " + child.zone() + " without glue for "
                                    + names(child) + ", and " + unreachable.get());
                        }
                        child = cuts.get(child.zone());
                    }
                    cuts.put(child.zone(), child);
                    continue;
                }
                if (!sent.equals(qname)) {
                    // RFC 9156 §3: a minimised name answered without a referral
                    if (cnameAt(step.response(), sent).isPresent()) {
                        fullNameAt.add(cut.zone());
                    } else if (step.kind() == Step.Kind.NXDOMAIN) {
                        // the name asked about is as absent as its ancestor: cached as such, the question's own key
                        storeNegative(step.response(), new CacheKey(qname, Type.ANY), CacheEntry.Negative.NXDOMAIN);
                        return done(FailureCode.DNS_NXDOMAIN, qname + " does not exist: nothing exists at or below "
                                + sent + " (RFC 8020)" + aliasOf(qname) + " (" + step.kind() + " from "
                                + step.server() + " " + step.serverIp() + ", zone " + step.zone() + ")");
                    } else {
                        provenAt.put(cut.zone(), sent);
                    }
                    continue;
                }
                Optional<String> badChain = followAliases(step.response(), qname);
                if (badChain.isPresent()) {
                    return done(FailureCode.DNS_CNAME_LOOP, badChain.get());
                }
                Name canonical = chain.isEmpty() ? qname : chain.get(chain.size() - 1);
                String from = " (" + step.kind() + " from " + step.server() + " " + step.serverIp() + ", zone "
                        + step.zone() + ")";
                switch (step.kind()) {
                    case ANSWER -> {
                        answer.addAll(addressesOf(step.response(), canonical));
                        return done(null, null);
                    }
                    case CNAME -> qname = canonical;
                    case NXDOMAIN -> {
                        return learnNegative(step.response(), new CacheKey(canonical, Type.ANY),
                                CacheEntry.Negative.NXDOMAIN, from);
                    }
                    case NODATA -> {
                        return learnNegative(step.response(), new CacheKey(canonical, Type.A),
                                CacheEntry.Negative.NODATA, from);
                    }
                }
            }
        }

        /**
         * The name the cut's servers are asked for: with minimisation, one label below the cut (or below the
         * longest name they already showed to exist), the full name once that is all that is left.
         */
        private Name nameToSend(Name zone, Name qname) {
            if (!qnameMinimisation || fullNameAt.contains(zone) || minimisedQueries >= MAX_MINIMISE_COUNT) {
                return qname;
            }
            Name known = provenAt.getOrDefault(zone, zone);
            if (!qname.subdomain(known)) {
                known = zone;
            }
            int labels = known.labels() + 1;
            if (labels >= qname.labels()) {
                return qname;
            }
            minimisedQueries++;
            return new Name(qname, qname.labels() - labels);
        }

        /**
         * Looks up the addresses of a delegation's name servers that came without glue, one after the other until
         * one has an address, as a resolution of their own from the root hints or the cache (their steps are marked
         * with the name server); the delegation with the addresses found replaces the one in {@code cuts}. Says why
         * when none could be found.
         */
        private Optional<String> lookUpNameServers(Delegation child) {
            if (resolving.size() > MAX_LOOKUP_DEPTH) {
                return Optional.of("name server lookups are nested deeper than " + MAX_LOOKUP_DEPTH);
            }
            List<Delegation.Server> servers = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            boolean found = false;
            for (Delegation.Server server : child.servers()) {
                if (found || server.hasAddress()) {
                    found |= server.hasAddress();
                    servers.add(server);
                    continue;
                }
                if (resolving.contains(server.name())) {
                    failures.add(server.name() + " is itself being looked up (a circular dependency)");
                    servers.add(server);
                    continue;
                }
                Resolution lookup = new Run(server.name(), random, cache, resolving).resolve();
                lookup.steps().forEach(s -> steps.add(s.lookingUp(server.name())));
                learned.addAll(lookup.learned());
                if (lookup.addressStrings().isEmpty()) {
                    failures.add("looking up " + server.name() + " failed: " + lookup.failureMessage());
                    servers.add(server);
                } else {
                    lookup.addressStrings().forEach(ip -> servers.add(new Delegation.Server(server.name(), ip)));
                    found = true;
                }
            }
            cuts.put(child.zone(), new Delegation(child.zone(), servers));
            return found ? Optional.empty() : Optional.of(String.join("; ", failures));
        }

        /**
         * RFC 1034 §5.3.3 step 2: the known zone cut nearest to the name, from this resolution's referrals or from
         * the cache (an NS RRset with at least one server address), else the root hints.
         */
        private Delegation closestCut(Name qname) {
            for (int drop = 0; drop < qname.labels() - 1; drop++) {
                Name node = drop == 0 ? qname : new Name(qname, drop);
                Delegation learnedCut = cuts.get(node);
                if (learnedCut != null) {
                    return learnedCut;
                }
                Optional<Delegation> cached = cache.rrset(node, Type.NS).map(ns -> Delegation.of(ns,
                        target -> cache.rrset(target, Type.A).orElse(List.of()).stream()
                                .map(a -> ((ARecord) a).getAddress().getHostAddress()).toList()));
                if (cached.isPresent() && cached.get().hasReachableServer()) {
                    return cached.get();
                }
            }
            return cuts.get(Name.root);
        }

        /** Step 3: the cut's servers one after the other until one gives a usable response. */
        private Optional<Step> ask(Delegation cut, Name qname) {
            for (Delegation.Server server : cut.servers()) {
                if (!server.hasAddress()) {
                    continue;
                }
                Step step = query(server, cut.zone(), qname);
                steps.add(step);
                if (isUsable(step, cut, qname)) {
                    return Optional.of(step);
                }
            }
            return Optional.empty();
        }

        private Step query(Delegation.Server server, Name zone, Name qname) {
            Record question = Record.newRecord(qname, Type.A, DClass.IN);
            String text = qname + " " + DClass.string(DClass.IN) + " " + Type.string(Type.A);
            // Iterative query: no RD flag. Random ids are the resolver's defence against spoofing (RFC 5452 §4.3).
            Message query = new Message(random.nextInt(0x10000));
            query.getHeader().setOpcode(Opcode.QUERY);
            query.addRecord(question, Section.QUESTION);
            Optional<AuthoritativeServer> listening = network.at(server.ip());
            if (listening.isEmpty()) {
                return new Step(server.name(), server.ip(), zone, text, Step.Kind.NO_RESPONSE, null,
                        QUERY_TIMEOUT_MICROS, query);
            }
            Message response = listening.get().respond(query);
            return new Step(server.name(), server.ip(), zone, text, classify(response, qname), response,
                    listening.get().rttMicros(), query);
        }

        /**
         * A referral only helps when it is to a zone closer to the name than the one asked (no upward referral);
         * {@code qname} is the name sent.
         */
        private boolean isUsable(Step step, Delegation cut, Name qname) {
            if (step.kind() == Step.Kind.REFERRAL) {
                Name child = Delegation.fromReferral(step.response()).zone();
                return !child.equals(cut.zone()) && child.subdomain(cut.zone()) && qname.subdomain(child);
            }
            return step.kind() != Step.Kind.NO_RESPONSE;
        }

        /**
         * Every RRset of a usable response goes to the cache (answers, referral NS RRsets and glue), each with the
         * TTL it came with; in the authority and additional sections only what lies within the bailiwick of the
         * server's zone (RFC 2181 §5.4.1). An SOA is only kept as part of a negative answer (RFC 2308 §5).
         */
        private void learn(Message response, Name bailiwick) {
            Map<CacheKey, List<Record>> rrsets = new LinkedHashMap<>();
            for (int section : new int[]{Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL}) {
                for (Record r : response.getSection(section)) {
                    boolean trusted = section == Section.ANSWER || r.getName().subdomain(bailiwick);
                    if (r.getType() != Type.SOA && trusted) {
                        rrsets.computeIfAbsent(new CacheKey(r.getName(), r.getType()), k -> new ArrayList<>()).add(r);
                    }
                }
            }
            rrsets.values().forEach(rrset -> learned.add(CacheEntry.rrset(rrset)));
        }

        /** A negative answer is cached only with the SOA that bounds it (RFC 2308 §5). */
        private Resolution learnNegative(Message response, CacheKey key, CacheEntry.Negative kind, String from) {
            storeNegative(response, key, kind);
            return negative(kind, key.name(), from);
        }

        private void storeNegative(Message response, CacheKey key, CacheEntry.Negative kind) {
            Optional<SOARecord> soa = response.getSection(Section.AUTHORITY).stream()
                    .filter(SOARecord.class::isInstance).map(SOARecord.class::cast).findFirst();
            soa.ifPresent(s -> {
                CacheEntry entry = CacheEntry.negative(key, kind, s);
                learned.add(entry);
                answer.addAll(entry.records());
            });
        }

        private Resolution negative(CacheEntry.Negative kind, Name canonical, String where) {
            return kind == CacheEntry.Negative.NXDOMAIN
                    ? done(FailureCode.DNS_NXDOMAIN, canonical + " does not exist" + aliasOf(canonical) + where)
                    : done(FailureCode.DNS_NODATA, canonical + aliasOf(canonical) + " exists but has no A record"
                    + where);
        }

        /** Appends the CNAMEs of the response starting at the name to the chain; says why if it loops or is too long. */
        private Optional<String> followAliases(Message response, Name qname) {
            Name name = qname;
            for (Optional<CNAMERecord> alias = cnameAt(response, name); alias.isPresent();
                 alias = cnameAt(response, name)) {
                answer.add(alias.get());
                Optional<String> bad = extendChain(alias.get());
                if (bad.isPresent()) {
                    return bad;
                }
                name = alias.get().getTarget();
            }
            return Optional.empty();
        }

        private Optional<String> extendChain(CNAMERecord alias) {
            if (chain.isEmpty()) {
                chain.add(alias.getName());
            }
            Name target = alias.getTarget();
            boolean loops = chain.contains(target);
            chain.add(target);
            if (loops) {
                return Optional.of("CNAME loop: " + chainText());
            }
            if (chain.size() - 1 > MAX_CNAME_CHAIN) {
                return Optional.of("CNAME chain longer than " + MAX_CNAME_CHAIN + ": " + chainText());
            }
            return Optional.empty();
        }

        private String aliasOf(Name canonical) {
            return canonical.equals(question) ? "" : " (canonical name of " + question + ")";
        }

        private Resolution done(FailureCode failure, String message) {
            CacheProbe lookup = firstMiss;
            if (lookup == null) {
                long left = answer.stream().mapToLong(Record::getTTL).min().orElse(0);
                boolean negative = answer.stream().anyMatch(r -> r.getType() == Type.SOA);
                lookup = new CacheProbe(negative ? CacheProbe.Result.NEGATIVE_HIT : CacheProbe.Result.HIT, null, left);
            }
            CacheEntry.Negative negative = failure == FailureCode.DNS_NXDOMAIN ? CacheEntry.Negative.NXDOMAIN
                    : failure == FailureCode.DNS_NODATA ? CacheEntry.Negative.NODATA : null;
            return new Resolution(question, lookup, steps, chain, answer, negative, learned, failure, message);
        }

        private String chainText() {
            return chain.stream().map(Name::toString).collect(Collectors.joining(" -> "));
        }
    }

    /** RFC 1034 §5.3.3 step 4, and RFC 6604 §3: the RCODE and a negative SOA speak for the chain's last name. */
    static Step.Kind classify(Message response, Name qname) {
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return Step.Kind.NXDOMAIN;
        }
        if (rcode != Rcode.NOERROR) {
            return Step.Kind.NO_RESPONSE;
        }
        Name canonical = qname;
        Set<Name> seen = new HashSet<>();
        while (seen.add(canonical)) {
            Optional<CNAMERecord> alias = cnameAt(response, canonical);
            if (alias.isEmpty()) {
                break;
            }
            canonical = alias.get().getTarget();
        }
        if (!addressesOf(response, canonical).isEmpty()) {
            return Step.Kind.ANSWER;
        }
        boolean negative = response.getSection(Section.AUTHORITY).stream().anyMatch(r -> r.getType() == Type.SOA);
        if (cnameAt(response, qname).isPresent()) {
            return negative ? Step.Kind.NODATA : Step.Kind.CNAME;
        }
        if (response.getHeader().getFlag(Flags.AA)) {
            return Step.Kind.NODATA;
        }
        boolean delegates = response.getSection(Section.AUTHORITY).stream().anyMatch(r -> r.getType() == Type.NS);
        return delegates ? Step.Kind.REFERRAL : Step.Kind.NO_RESPONSE;
    }

    private static Optional<CNAMERecord> cnameAt(Message response, Name name) {
        return response.getSection(Section.ANSWER).stream()
                .filter(r -> r instanceof CNAMERecord && r.getName().equals(name))
                .map(CNAMERecord.class::cast).findFirst();
    }

    private static List<ARecord> addressesOf(Message response, Name name) {
        return response.getSection(Section.ANSWER).stream()
                .filter(r -> r instanceof ARecord && r.getName().equals(name))
                .map(ARecord.class::cast).toList();
    }

    private static String whyNot(Delegation cut, List<Step> attempts) {
        if (cut.servers().isEmpty()) {
            return "no name server is known for it";
        }
        if (attempts.isEmpty()) {
            return "none of its name servers (" + names(cut) + ") has a known address";
        }
        return attempts.stream().map(s -> s.server() + " " + s.serverIp() + " " + (s.kind() == Step.Kind.REFERRAL
                ? "referred to a zone no closer to the name"
                : s.response() == null ? "did not respond (nothing serves DNS at that address)"
                : "answered " + Rcode.string(s.response().getRcode()) + " (it serves no zone for the name)"))
                .collect(Collectors.joining("; "));
    }

    private static String names(Delegation delegation) {
        return delegation.servers().stream().map(s -> s.name().toString()).distinct()
                .collect(Collectors.joining(", "));
    }
}
