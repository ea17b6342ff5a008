namespace Chamber.Workflows.Paging;

/// <summary>One page of a list: how many there are in all, which page this is, and its items.</summary>
public sealed record ListPage<T>(int Total, int Page, int PageSize, IReadOnlyList<T> Items);
