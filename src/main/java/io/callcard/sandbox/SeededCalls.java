package io.callcard.sandbox;

import io.callcard.call.CallDirection;
import io.callcard.call.CrmEntityType;
import io.callcard.call.CrmRef;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Makes up an agent's call history for demos and benchmarks ({@code callcard sandbox seed}): {@code count} calls over
 * the last {@code days} days up to {@code until}, the same for the same seed, handed over oldest first one at a time.
 *
 * <p>Realistic in the ways the history pane shows: most calls in working hours on weekdays; a book of clients (about
 * one per 25 calls, at least 50) where a few call often and most rarely; most linked to a contact, company or lead
 * with a Russian or English name (some contacts with a deal too), some strangers and a few withheld numbers; incoming
 * calls answered about 7 in 10, outgoing ones less and with the portal's codes for busy, declined, cancelled, wrong
 * number and no funds; talk times mostly a few minutes; outgoing minutes cost something; answered calls mostly
 * recorded; now and then a CALL_ID handed out again within 30 minutes, as Bitrix24 does (protocol.md §6).
 */
public final class SeededCalls {

    /** A relative weight per hour of the day: quiet nights, a morning peak, lunch, an afternoon peak. */
    private static final int[] HOUR_WEIGHT = {1, 0, 0, 0, 0, 1, 2, 4, 10, 22, 30, 30, 24, 16, 24, 28, 28, 24, 14, 8,
        4, 3, 2, 1};
    /** Weekends are quieter. */
    private static final double WEEKEND_WEIGHT = 0.25;
    private static final Outcome[] INCOMING = {
        new Outcome("200", "", 72), new Outcome("304", "Missed call", 20), new Outcome("486", "Busy", 3),
        new Outcome("603", "Declined", 3), new Outcome("480", "Temporarily unavailable", 2)};
    private static final Outcome[] OUTGOING = {
        new Outcome("200", "", 58), new Outcome("304", "No answer", 14), new Outcome("486", "Busy", 10),
        new Outcome("603", "Declined", 5), new Outcome("603-S", "Call canceled", 6),
        new Outcome("480", "Temporarily unavailable", 4), new Outcome("404", "Invalid number", 2),
        new Outcome("402", "Insufficient funds", 1)};
    private static final String[][] LINES = {{"reg1", "Отдел продаж"}, {"reg2", "Support line"},
        {"+74957400000", "Основная линия"}};
    /** What a minute of an outgoing call costs, in kopecks. */
    private static final long KOPECKS_PER_MINUTE = 150;
    private static final String RECORDINGS = "https://sandbox.callcard.invalid/records/";
    private static final Duration CALL_ID_REUSE_WINDOW = Duration.ofMinutes(30);

    private record Outcome(String code, String reason, int weight) {
    }

    /** Someone the agent talks to: a number, and the CRM items it belongs to (none for an unknown caller). */
    private record Client(String number, CrmRef entity, List<SeededCall.Link> bindings) {
    }

    private final long seed;
    private final int days;
    private final Instant until;
    private final ZoneId zone;

    /**
     * @param seed  decides everything drawn
     * @param days  how many days back from {@code until} the calls spread over (at least 1)
     * @param until the end of the period: no call starts after it
     * @param zone  the agent's time zone, for working hours and weekends
     */
    public SeededCalls(long seed, int days, Instant until, ZoneId zone) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1: " + days);
        }
        this.seed = seed;
        this.days = days;
        this.until = Objects.requireNonNull(until, "until");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Makes {@code count} calls and gives them to {@code each}, oldest first. */
    public void generate(long count, Consumer<SeededCall> each) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        Random random = new Random(seed);
        long[] starts = startTimes(random, count);
        List<Client> clients = clients(random, (int) Math.max(50, Math.min(200_000, count / 25)));
        String previousId = null;
        long previousStart = Long.MIN_VALUE;
        for (int i = 0; i < starts.length; i++) {
            Instant startedAt = Instant.ofEpochMilli(starts[i]);
            String callId;
            if (previousId != null && random.nextInt(300) == 0
                    && starts[i] - previousStart < CALL_ID_REUSE_WINDOW.toMillis()) {
                callId = previousId;
            } else {
                callId = "seed." + Long.toHexString(random.nextLong()).toUpperCase() + "." + startedAt.getEpochSecond();
            }
            SeededCall call = call(random, i, callId, startedAt, client(random, clients));
            previousId = callId;
            previousStart = starts[i];
            each.accept(call);
        }
    }

    private SeededCall call(Random random, long index, String callId, Instant startedAt, Client client) {
        int pick = random.nextInt(100);
        CallDirection direction = pick < 55 ? CallDirection.INCOMING
                : pick < 95 ? CallDirection.OUTGOING : CallDirection.CALLBACK;
        boolean incoming = direction == CallDirection.INCOMING;
        Outcome outcome = draw(random, incoming ? INCOMING : OUTGOING);
        boolean answered = "200".equals(outcome.code());
        int ring = switch (outcome.code()) {
            case "200" -> 3 + random.nextInt(22);
            case "304", "480" -> 15 + random.nextInt(30);
            case "603-S" -> 2 + random.nextInt(18);
            default -> 1 + random.nextInt(4);
        };
        int talk = answered ? (int) Math.min(3_600, 5 + Math.round(-Math.log(1 - random.nextDouble()) * 170)) : 0;
        String[] line = LINES[random.nextInt(LINES.length)];
        boolean callList = !incoming && random.nextInt(7) == 0;
        long kopecks = !incoming && answered ? (talk + 59) / 60 * KOPECKS_PER_MINUTE : 0;
        String recordUrl = answered && random.nextInt(5) != 0 ? RECORDINGS + callId + ".mp3" : null;
        Long activity = client.entity() == null ? null : 100_000L + index;
        return new SeededCall(index, callId, direction, client.number(), line[0], line[1], client.entity(),
                client.bindings(), activity, callList, startedAt, ring, talk, outcome.code(), outcome.reason(),
                BigDecimal.valueOf(kopecks, 2).setScale(4).toPlainString(), "RUB", recordUrl);
    }

    /** A frequent caller often, a rare one rarely; now and then a stranger or a withheld number. */
    private static Client client(Random random, List<Client> clients) {
        int pick = random.nextInt(100);
        if (pick < 2) {
            return new Client("", null, List.of());
        }
        if (pick < 10) {
            return new Client(NumberPlan.values()[random.nextInt(NumberPlan.values().length)].draw(random), null,
                    List.of());
        }
        double skew = random.nextDouble();
        return clients.get((int) (clients.size() * skew * skew));
    }

    private static List<Client> clients(Random random, int size) {
        List<Client> clients = new ArrayList<>(size);
        int contacts = 0;
        int companies = 0;
        int leads = 0;
        int deals = 0;
        for (int i = 0; i < size; i++) {
            boolean russian = random.nextInt(100) < 65;
            String phone = SandboxNames.phone(random, russian);
            int kind = random.nextInt(100);
            if (kind < 10) {
                clients.add(new Client(phone, null, List.of()));
            } else if (kind < 65) {
                String[] name = SandboxNames.person(random, russian);
                CrmRef contact = new CrmRef(CrmEntityType.CONTACT, ++contacts);
                List<SeededCall.Link> bindings = new ArrayList<>();
                bindings.add(new SeededCall.Link(contact, name[0] + " " + name[1]));
                if (random.nextInt(10) < 3) {
                    ++deals;
                    bindings.add(new SeededCall.Link(new CrmRef(CrmEntityType.DEAL, deals),
                            SandboxNames.dealSubject(random) + " #" + deals));
                }
                clients.add(new Client(phone, contact, bindings));
            } else if (kind < 85) {
                CrmRef company = new CrmRef(CrmEntityType.COMPANY, ++companies);
                clients.add(new Client(phone, company,
                        List.of(new SeededCall.Link(company, SandboxNames.company(random, russian)))));
            } else {
                String[] name = SandboxNames.person(random, russian);
                CrmRef lead = new CrmRef(CrmEntityType.LEAD, ++leads);
                String title = (russian ? "Заявка: " : "Inquiry: ") + name[0] + " " + name[1];
                clients.add(new Client(phone, lead, List.of(new SeededCall.Link(lead, title))));
            }
        }
        return clients;
    }

    /** {@code count} start times in the period, weighted by day and hour, in order. */
    private long[] startTimes(Random random, long count) {
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many calls: " + count);
        }
        LocalDate lastDay = until.atZone(zone).toLocalDate();
        double[] dayWeights = new double[days];
        long[] dayStarts = new long[days];
        for (int d = 0; d < days; d++) {
            LocalDate day = lastDay.minusDays(days - 1L - d);
            dayStarts[d] = day.atStartOfDay(zone).toInstant().toEpochMilli();
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            dayWeights[d] = weekend ? WEEKEND_WEIGHT : 1;
        }
        double[] dayCumulative = cumulative(dayWeights);
        double[] hourCumulative = cumulative(Arrays.stream(HOUR_WEIGHT).asDoubleStream().toArray());
        // each hour's start, counted from its day's start, so a day of a clock change has its 23 or 25 hours
        long[][] hourStarts = new long[days][24];
        for (int d = 0; d < days; d++) {
            ZonedDateTime midnight = ZonedDateTime.ofInstant(Instant.ofEpochMilli(dayStarts[d]), zone);
            for (int hour = 0; hour < 24; hour++) {
                hourStarts[d][hour] = midnight.plusHours(hour).toInstant().toEpochMilli();
            }
        }
        long latest = until.toEpochMilli();
        long[] starts = new long[(int) count];
        for (int i = 0; i < starts.length; i++) {
            long at;
            do {
                int d = pick(dayCumulative, random.nextDouble());
                int hour = pick(hourCumulative, random.nextDouble());
                at = hourStarts[d][hour] + random.nextInt(3_600) * 1000L; // whole seconds
            } while (at > latest);
            starts[i] = at;
        }
        Arrays.sort(starts);
        return starts;
    }

    private static double[] cumulative(double[] weights) {
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, double u) {
        int found = Arrays.binarySearch(cumulative, u);
        int index = found >= 0 ? found + 1 : -found - 1;
        return Math.min(index, cumulative.length - 1);
    }

    private static Outcome draw(Random random, Outcome[] outcomes) {
        int total = 0;
        for (Outcome outcome : outcomes) {
            total += outcome.weight();
        }
        int pick = random.nextInt(total);
        for (Outcome outcome : outcomes) {
            pick -= outcome.weight();
            if (pick < 0) {
                return outcome;
            }
        }
        throw new IllegalStateException("weights add up");
    }
}
