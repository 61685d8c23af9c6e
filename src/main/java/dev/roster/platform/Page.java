package dev.roster.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list, in the shape of the seed documents. */
public record Page<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> Page<T> of(List<T> content, PageRequest request, long total) {
        int pages = (int) ((total + request.size() - 1) / request.size());
        return new Page<>(content, request.page(), request.size(), total, pages);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(content.stream().map(mapper).toList(), page, size, totalElements, totalPages);
    }
}
