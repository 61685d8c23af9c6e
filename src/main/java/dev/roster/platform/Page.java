package dev.roster.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, in the shape of the seed documents. {@code totalElements} is exact unless {@code totalExact}
 * is false: then it is a lower bound that still counts at least one item past this page whenever there is one (a
 * search with more matches than are cheap to count), so a client that reads pages while {@code page < totalPages}
 * reaches the end.
 */
public record Page<T>(List<T> content, int page, int size, long totalElements, int totalPages, boolean totalExact) {

    public static <T> Page<T> of(List<T> content, PageRequest request, long total) {
        return new Page<>(content, request.page(), request.size(), total, pages(total, request), true);
    }

    /** A page of a list whose length is at least {@code lowerBound}. */
    public static <T> Page<T> atLeast(List<T> content, PageRequest request, long lowerBound) {
        return new Page<>(content, request.page(), request.size(), lowerBound, pages(lowerBound, request), false);
    }

    private static int pages(long total, PageRequest request) {
        return (int) ((total + request.size() - 1) / request.size());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(content.stream().map(mapper).toList(), page, size, totalElements, totalPages, totalExact);
    }
}
