package io.callcard.sandbox;

import java.util.Random;

/**
 * The names the sandbox gives people, companies and deals, in Russian and English, each drawn from the caller's seeded
 * {@link Random}: the generated CRM ({@code rest.SandboxCrm}) and the seeded history ({@link SeededCalls}) share them,
 * so a seeded call's name is one the sandbox portal could hold.
 */
public final class SandboxNames {

    private static final String[] RU_FIRST = {"Анна", "Иван", "Мария", "Алексей", "Ольга", "Дмитрий", "Елена",
        "Сергей", "Наталья", "Михаил"};
    private static final String[] RU_LAST = {"Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов",
        "Новиков", "Морозов", "Волков"};
    private static final String[] EN_FIRST = {"James", "Emily", "Oliver", "Sophie", "Thomas", "Grace", "Daniel",
        "Chloe", "Henry", "Lucy"};
    private static final String[] EN_LAST = {"Smith", "Johnson", "Brown", "Taylor", "Wilson", "Clarke", "Walker",
        "Wright", "Hughes", "Turner"};
    private static final String[] RU_COMPANY = {"ООО «Вектор»", "АО «Северсталь-Сервис»", "ООО «Ромашка»",
        "ИП Белов", "ООО «ТехноЛайн»", "ЗАО «Гранит»"};
    private static final String[] EN_COMPANY = {"Acme Ltd", "Northwind Traders", "Blue Harbour GmbH",
        "Contoso Inc", "Riverside Logistics", "Brightline Media"};
    private static final String[] DEAL_SUBJECT = {"Поставка оборудования", "Annual support contract",
        "Внедрение CRM", "Website redesign", "Аренда склада", "Fleet telematics"};

    private SandboxNames() {
    }

    /** A first and a last name; a Russian woman's surname takes the feminine ending (Иванова, not Иванов, for Анна). */
    public static String[] person(Random random, boolean russian) {
        String first = pick(random, russian ? RU_FIRST : EN_FIRST);
        String last = pick(random, russian ? RU_LAST : EN_LAST);
        if (russian && (first.endsWith("а") || first.endsWith("я"))) {
            last = last + "а";
        }
        return new String[] {first, last};
    }

    public static String company(Random random, boolean russian) {
        return pick(random, russian ? RU_COMPANY : EN_COMPANY);
    }

    /** A deal's subject, without its number. */
    public static String dealSubject(Random random) {
        return pick(random, DEAL_SUBJECT);
    }

    /** A number of the country the name belongs to: Moscow or a Russian mobile; Berlin or New York. */
    public static String phone(Random random, boolean russian) {
        NumberPlan plan = russian
                ? (random.nextBoolean() ? NumberPlan.MOSCOW_LANDLINE : NumberPlan.RUSSIAN_MOBILE)
                : (random.nextBoolean() ? NumberPlan.BERLIN : NumberPlan.NEW_YORK);
        return plan.draw(random);
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }
}
