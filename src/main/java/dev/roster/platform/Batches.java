package dev.roster.platform;

import dev.roster.problem.ProblemMapper;
import dev.roster.problem.RosterException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Applies many commands of one request, a chunk of them to a transaction: few commits, yet each command's own
 * outcome. When a chunk fails because of a command a client can act on (bad input, a taken e-mail address, a lost
 * race), the chunk is rolled back and done again one command per transaction, so that failure is reported with its
 * command and every other command takes effect. Any other failure (the database is gone) ends the whole request.
 */
@ApplicationScoped
public class Batches {

    @Inject
    Apart apart;

    /**
     * The outcome of each command, in their order: {@code apply}'s, or {@code failed}'s for a command refused.
     * {@code apply} runs inside the chunk's transaction.
     */
    public <C, O> List<O> apply(List<C> commands, int chunkSize, Function<C, O> apply,
                                Function<RosterException, O> failed) {
        return applyChunks(commands, chunkSize, chunk -> chunk.stream().map(apply).toList(), failed);
    }

    /**
     * Like {@link #apply}, for work that is cheaper a chunk at a time (one query for the whole chunk, one update of a
     * count): {@code apply} takes a chunk and answers an outcome for each of its commands, in their order; after a
     * failure it is called again with one command at a time.
     */
    public <C, O> List<O> applyChunks(List<C> commands, int chunkSize, Function<List<C>, List<O>> apply,
                                      Function<RosterException, O> failed) {
        List<O> outcomes = new ArrayList<>(commands.size());
        for (int from = 0; from < commands.size(); from += chunkSize) {
            List<C> chunk = commands.subList(from, Math.min(commands.size(), from + chunkSize));
            try {
                outcomes.addAll(apart.run(() -> apply.apply(chunk)));
            } catch (RuntimeException e) {
                if (ProblemMapper.explain(e) == null) {
                    throw e;
                }
                for (C command : chunk) {
                    outcomes.add(one(command, apply, failed));
                }
            }
        }
        return outcomes;
    }

    private <C, O> O one(C command, Function<List<C>, List<O>> apply, Function<RosterException, O> failed) {
        try {
            return apart.run(() -> apply.apply(List.of(command)).get(0));
        } catch (RuntimeException e) {
            RosterException explained = ProblemMapper.explain(e);
            if (explained == null) {
                throw e;
            }
            return failed.apply(explained);
        }
    }

    /** A transaction of its own, whatever the caller is in. */
    @ApplicationScoped
    public static class Apart {

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public <T> T run(Supplier<T> work) {
            return work.get();
        }
    }
}
