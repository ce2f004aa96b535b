package io.apath.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.apath.ingest.domain.ItemOutcome;
import io.apath.ingest.domain.Violation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The answer to a submission: counts, and one result per item in request order. A rejected item carries an RFC 9457
 * problem with its index and the broken fields.
 */
record BatchResponse(int accepted, int duplicate, int suppressed, int rejected, List<Item> items) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(int index, String status, String mentionId, ItemProblem problem) {}

    record ItemProblem(URI type, String title, int status, String detail, int index, List<Violation> errors) {}

    static BatchResponse of(List<ItemOutcome> outcomes) {
        int accepted = 0, duplicate = 0, suppressed = 0, rejected = 0;
        List<Item> items = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            ItemOutcome outcome = outcomes.get(i);
            if (outcome instanceof ItemOutcome.Rejected r) {
                rejected++;
                items.add(new Item(i, r.status(), null, problem(i, r.violations())));
                continue;
            }
            String mentionId;
            if (outcome instanceof ItemOutcome.Accepted a) {
                accepted++;
                mentionId = a.mentionId().value();
            } else if (outcome instanceof ItemOutcome.Duplicate d) {
                duplicate++;
                mentionId = d.mentionId().value();
            } else {
                suppressed++;
                mentionId = ((ItemOutcome.Suppressed) outcome).mentionId().value();
            }
            items.add(new Item(i, outcome.status(), mentionId, null));
        }
        return new BatchResponse(accepted, duplicate, suppressed, rejected, items);
    }

    boolean allRejected() {
        return rejected == items.size();
    }

    private static ItemProblem problem(int index, List<Violation> violations) {
        String detail = violations.stream()
                .map(v -> (v.field().isEmpty() ? "item" : v.field()) + " " + v.problem())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid");
        return new ItemProblem(
                Problems.INVALID_MENTION,
                "Invalid mention",
                HttpStatus.UNPROCESSABLE_CONTENT.value(),
                detail,
                index,
                violations);
    }
}
