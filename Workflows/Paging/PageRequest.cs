using Microsoft.AspNetCore.Mvc;

namespace Chamber.Workflows.Paging;

/// <summary>
/// Which page of a list to return, as every list endpoint takes it (<c>?page=&amp;pageSize=</c>,
/// bound with <c>[AsParameters]</c>): missing or out-of-range values are brought into range rather
/// than refused, so a list link never fails. The query names are given, so the API description
/// spells them as clients send them.
/// </summary>
public sealed record PageRequest([FromQuery(Name = "page")] int? Page = null, [FromQuery(Name = "pageSize")] int? PageSize = null)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    /// <summary>The page number, from 1.</summary>
    public int Number => Math.Clamp(Page ?? 1, 1, 1_000_000);

    /// <summary>Items per page, from 1 to <see cref="MaxSize"/>.</summary>
    public int Size => Math.Clamp(PageSize ?? DefaultSize, 1, MaxSize);

    /// <summary>Items before this page.</summary>
    public int Skip => (Number - 1) * Size;

    /// <summary>This page of a list of <paramref name="total"/> items.</summary>
    public ListPage<T> Of<T>(int total, IReadOnlyList<T> items) => new(total, Number, Size, items);
}
