package dev.starshop.checkout.stars;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one entry's meaning depends on in the rest of the history: which ids are user payments (so
 * an outgoing entry repeating one is a chargeback), and which failed withdrawals Fragment returned.
 */
public record StarHistory(Set<String> paymentIds, Set<String> withdrawalIds, Map<String, Instant> fragmentReturns) {

    public static StarHistory of(List<StarMovement> movements) {
        Set<String> payments = movements.stream()
                .filter(m -> m.incoming() && m.partner() instanceof StarPartner.User)
                .map(StarMovement::id).collect(Collectors.toSet());
        Set<String> withdrawals = movements.stream()
                .filter(m -> !m.incoming() && m.partner() instanceof StarPartner.Fragment)
                .map(StarMovement::id).collect(Collectors.toSet());
        Map<String, Instant> returns = movements.stream()
                .filter(m -> m.incoming() && m.partner() instanceof StarPartner.Fragment)
                .collect(Collectors.toMap(StarMovement::id, StarMovement::at, (a, b) -> a));
        return new StarHistory(Set.copyOf(payments), Set.copyOf(withdrawals), Map.copyOf(returns));
    }

    public StarKind classify(StarMovement movement) {
        return StarClassifier.classify(movement, paymentIds);
    }

    /** When Fragment gave a failed withdrawal's Stars back: its incoming entry's date, if the history has one. */
    Optional<Instant> returnOf(String withdrawalId) {
        return Optional.ofNullable(fragmentReturns.get(withdrawalId));
    }

}
