package io.callcard.sandbox;

import io.callcard.call.CrmEntityType;
import java.time.Duration;
import java.util.List;

/** Scenarios that ship with the app; {@link #demo()} is what the window shows when no portal is configured. */
public final class BuiltInScenarios {

    private BuiltInScenarios() {
    }

    /**
     * The repeating demo, one call of each everyday kind: an answered incoming call from a known contact, a busy
     * outgoing call to a company, and a missed call from a withheld number.
     */
    public static Scenario demo() {
        SimulatedCall answeredFromContact = SimulatedCall.builder(SimulatedCall.Direction.INCOMING)
                .phone(CallerPhone.known(NumberPlan.MOSCOW_LANDLINE))
                .linkedTo(new CrmLink(CrmEntityType.CONTACT, 797, List.of(
                        new CrmLink.Binding(CrmEntityType.DEAL, 4615),
                        new CrmLink.Binding(CrmEntityType.CONTACT, 797)), true))
                .line("reg151083", "Sales, Moscow")
                .ringsFor(Duration.ofSeconds(3))
                .talksFor(Duration.ofSeconds(8))
                .build();
        SimulatedCall busyCompany = SimulatedCall.builder(SimulatedCall.Direction.OUTGOING)
                .phone(CallerPhone.known(NumberPlan.BERLIN))
                .linkedTo(new CrmLink(CrmEntityType.COMPANY, 643, List.of(
                        new CrmLink.Binding(CrmEntityType.COMPANY, 643)), false))
                .line("sip1", "")
                .ringsFor(Duration.ofMillis(2_500))
                .failsWith("486")
                .build();
        SimulatedCall missedHidden = SimulatedCall.builder(SimulatedCall.Direction.INCOMING)
                .phone(CallerPhone.hidden())
                .line("reg151083", "Sales, Moscow")
                .ringsFor(Duration.ofSeconds(5))
                .failsWith("304")
                .build();
        return new Scenario("demo", List.of(answeredFromContact, busyCompany, missedHidden), Duration.ofSeconds(3));
    }
}
