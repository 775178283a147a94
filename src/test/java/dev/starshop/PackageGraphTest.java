package dev.starshop;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Locks the dependency graph of the top-level packages under {@code dev.starshop} as it is, read from
 * the {@code import dev.starshop.…} lines of src/main/java. A new edge fails until it is added to
 * {@link #ALLOWED} on purpose (and reviewed); an edge that went away fails until it is removed, so
 * the list stays the truth. Some edges can never be allowed: see {@link #FORBIDDEN}.
 */
class PackageGraphTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/starshop");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?dev\\.starshop\\.(\\w+)\\.",
            Pattern.MULTILINE);

    /**
     * Today's edges (December 2026): package -> the packages it imports from. telegram -> checkout
     * and telegram -> money came with the payment corridor: the Telegram adapter
     * (telegram.payments) builds checkout's own records, the Stars history's included
     * (checkout.stars.StarMovement, whose user partner carries the Buyer, so backoffice no longer
     * imports buyer); backoffice -> catalog for the console's product links
     * (backoffice.links reads the product it links to).
     */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            // backoffice -> fulfilment: the admin order view shows the order's deliveries.
            // backoffice -> ledger: the exports value Stars in ledger.valuation's reporting currency.
            Map.entry("backoffice", Set.of("catalog", "checkout", "events", "fulfilment", "ledger", "money", "order",
                    "platform", "telegram")),
            Map.entry("catalog", Set.of("money", "platform")),
            Map.entry("checkout", Set.of("buyer", "catalog", "events", "ledger", "money", "order", "platform", "promo",
                    "telegram")),
            // Events (docs/events.md) are published in the transaction of the change they report: the
            // order listener reads orders, checkout and reconciliation publish; events never import
            // telegram (the operator chat's sender lives in telegram.operator and reads events' alerts).
            Map.entry("events", Set.of("money", "order", "platform")),
            // Fulfilment (docs/fulfilment.md) reads products and adds code-pool stock through the catalog.
            // It reacts to orders' moves (OrderTransitionListener), serves buyers their purchases, and
            // shipment steps and the last delivery make orders FULFILLED through order's OrderPayments.
            // fulfilment -> events: delivery.failed and the code pool's alert (DeliveryNews).
            Map.entry("fulfilment", Set.of("buyer", "catalog", "events", "order", "platform")),
            Map.entry("ledger", Set.of("money", "platform")),
            Map.entry("miniapp", Set.of("platform")),
            Map.entry("money", Set.of("platform")),
            Map.entry("order", Set.of("buyer", "catalog", "money", "platform", "promo")),
            // Promo codes (docs/promotions.md): orders ask a code for its discount and reserve a use;
            // promo -> catalog: a code scoped to categories checks their slugs exist (Categories.idsOf).
            Map.entry("promo", Set.of("catalog", "money", "platform")),
            Map.entry("sandbox", Set.of("events", "money", "platform", "telegram")),
            // telegram -> catalog: the Mini App's Share prepares a product card (telegram.bot.ProductShareController);
            // telegram -> fulfilment: the bot implements fulfilment's ShipmentNotices and DeliveryChannel ports.
            Map.entry("telegram", Set.of("buyer", "catalog", "checkout", "events", "fulfilment", "money", "order",
                    "platform")));

    /** Dependencies point inward (docs/architecture.md): the core never sees Telegram, checkout or the edges. */
    private static final Set<String> CORE = Set.of("money", "catalog", "order", "ledger");
    private static final Set<String> FORBIDDEN = Set.of("telegram", "checkout", "sandbox", "backoffice", "miniapp");

    /**
     * Cycles between top-level packages that exist and are accepted as debt, each as its sorted
     * members; add one here only with a plan to remove it.
     * <ul>
     *   <li>checkout <-> telegram: the adapter direction (telegram.payments -> checkout) is right;
     *       checkout's 12 remaining imports of telegram are where it asks the bot to act (receipts
     *       through the bot outbox, createInvoiceLink, refundStarPayment,
     *       editUserStarSubscription). Plan: checkout-owned ports (e.g. BuyerMessages, StarRefunds)
     *       implemented in telegram, which removes the checkout -> telegram edge.</li>
     * </ul>
     */
    private static final Set<Set<String>> KNOWN_CYCLES = Set.of(Set.of("checkout", "telegram"));

    private static Map<String, Map<String, List<String>>> graph;

    @BeforeAll
    static void readImports() throws IOException {
        assertTrue(Files.isDirectory(SOURCES), "run from the project root: no " + SOURCES.toAbsolutePath());
        graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(PackageGraphTest::addImports);
        }
    }

    @Test
    void noEdgeIsAddedOrRemovedUnnoticed() {
        List<String> problems = new ArrayList<>();
        graph.forEach((from, edges) -> edges.forEach((to, files) -> {
            if (!ALLOWED.getOrDefault(from, Set.of()).contains(to)) {
                problems.add("new dependency " + from + " -> " + to + " (" + files.get(0)
                        + (files.size() > 1 ? " and " + (files.size() - 1) + " more" : "")
                        + "): depend on something inward instead, or add the edge to PackageGraphTest.ALLOWED");
            }
        }));
        ALLOWED.forEach((from, targets) -> targets.stream()
                .filter(to -> !graph.getOrDefault(from, Map.of()).containsKey(to))
                .forEach(to -> problems.add("dependency " + from + " -> " + to
                        + " is gone: remove it from PackageGraphTest.ALLOWED")));
        assertEquals(List.of(), problems);
    }

    @Test
    void theCoreNeverImportsTelegramCheckoutOrTheEdges() {
        List<String> problems = new ArrayList<>();
        CORE.forEach(from -> graph.getOrDefault(from, Map.of()).forEach((to, files) -> {
            if (FORBIDDEN.contains(to)) {
                problems.add(from + " imports " + to + " in " + files);
            }
        }));
        assertEquals(List.of(), problems, "money, catalog, order and ledger must not depend on " + FORBIDDEN);
    }

    /** The emulator is reached over HTTP only (and wired by Micronaut's @Requires), never by import. */
    @Test
    void onlyTheSandboxImportsTheSandbox() {
        List<String> importers = graph.entrySet().stream()
                .filter(entry -> !entry.getKey().equals("sandbox") && entry.getValue().containsKey("sandbox"))
                .map(entry -> entry.getKey() + " " + entry.getValue().get("sandbox")).toList();
        assertEquals(List.of(), importers, "production code must not import dev.starshop.sandbox");
    }

    @Test
    void noCyclesBeyondTheKnownOnes() {
        Set<Set<String>> cycles = stronglyConnected(graph).stream().filter(members -> members.size() > 1)
                .collect(Collectors.toSet());
        Set<String> newCycles = cycles.stream().filter(cycle -> !KNOWN_CYCLES.contains(cycle))
                .map(Set::toString).collect(Collectors.toCollection(TreeSet::new));
        Set<String> fixed = KNOWN_CYCLES.stream().filter(cycle -> !cycles.contains(cycle))
                .map(Set::toString).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), newCycles, "packages that now depend on each other (a cycle)");
        assertEquals(Set.of(), fixed, "cycles that are gone: remove them from PackageGraphTest.KNOWN_CYCLES");
    }

    private static void addImports(Path file) {
        Path relative = SOURCES.relativize(file);
        if (relative.getNameCount() < 2) {
            return; // Application.java: the root wires nothing by import
        }
        String from = relative.getName(0).toString();
        try {
            Matcher imports = IMPORT.matcher(Files.readString(file));
            while (imports.find()) {
                String to = imports.group(1);
                List<String> files = to.equals(from) ? new ArrayList<>()
                        : graph.computeIfAbsent(from, k -> new TreeMap<>()).computeIfAbsent(to, k -> new ArrayList<>());
                if (!to.equals(from) && !files.contains(relative.toString())) {
                    files.add(relative.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cycle finder itself: a -> b -> c -> a is one cycle, d hanging off it is not part of it. */
    @Test
    void theCycleFinderFindsACycle() {
        Map<String, Map<String, List<String>>> sample = Map.of("a", Map.of("b", List.of()), "b", Map.of("c", List.of()),
                "c", Map.of("a", List.of(), "d", List.of()), "d", Map.of());
        assertEquals(Set.of(Set.of("a", "b", "c"), Set.of("d")), Set.copyOf(stronglyConnected(sample)));
    }

    /** Tarjan's algorithm: the graph's strongly connected components, each as a sorted set. */
    private static List<Set<String>> stronglyConnected(Map<String, ? extends Map<String, ?>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> components = new ArrayList<>();
        for (String node : edges.keySet()) {
            if (!index.containsKey(node)) {
                connect(edges, node, index, low, stack, components);
            }
        }
        return components;
    }

    private static void connect(Map<String, ? extends Map<String, ?>> edges, String node, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, List<Set<String>> components) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        Map<String, ?> out = edges.get(node);
        for (String next : out == null ? Set.<String>of() : out.keySet()) {
            if (!index.containsKey(next)) {
                connect(edges, next, index, low, stack, components);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                component.add(member);
            } while (!member.equals(node));
            components.add(component);
        }
    }
}
