package io.callcard.ui.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A secret store the test answers: whether a token is saved answers at once; saves and forgets wait for the test. */
final class ManualApplicationTokenStore implements ApplicationTokenStore {

    boolean saved;
    final List<String> tokensSent = new ArrayList<>();
    final List<CompletableFuture<SaveResult>> answers = new ArrayList<>();

    @Override
    public CompletableFuture<Boolean> isSaved() {
        return CompletableFuture.completedFuture(saved);
    }

    @Override
    public CompletableFuture<SaveResult> save(String token) {
        tokensSent.add(token);
        CompletableFuture<SaveResult> answer = new CompletableFuture<>();
        answers.add(answer);
        return answer;
    }

    @Override
    public CompletableFuture<SaveResult> forget() {
        tokensSent.add(null);
        CompletableFuture<SaveResult> answer = new CompletableFuture<>();
        answers.add(answer);
        return answer;
    }
}
