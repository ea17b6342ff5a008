using Chamber.Campaigns.Submissions;
using Chamber.Host.Errors;
using Chamber.Workflows.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chamber.Host.Submissions;

/// <summary>Files sent as multipart/form-data (a chamber's submission, a campaign's documents, a list to import), read within the upload limit.</summary>
public static class UploadForms
{
    /// <summary>The largest list imported in one go (a chamber directory, a sign-in list): lists are small, so a larger upload is a mistake (or an attack), refused before it is read.</summary>
    public const long MaxImportBytes = 5 * 1024 * 1024;

    /// <summary>
    /// The one file of an import (field <c>file</c>, or the first file sent) and its name, or why it
    /// is refused: not multipart, no file, larger than <see cref="MaxImportBytes"/>, malformed.
    /// </summary>
    public static async Task<(byte[]? Content, string? FileName, ProblemHttpResult? Problem)> ReadImportAsync(HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
            return (null, null, Problems.BadRequest(ReaderText.Of("请以 multipart/form-data 上传文件（字段名 file）", "Upload the file as multipart/form-data in a field named 'file'.")));
        if (request.ContentLength > MaxImportBytes + 64 * 1024)
            return (null, null, ImportTooLarge());
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return (null, null, Problems.BadRequest(ReaderText.Of("上传内容格式错误：", "The upload is not valid multipart/form-data: ") + e.Message));
        }

        var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
        if (file is null)
            return (null, null, Problems.BadRequest(ReaderText.Of("没有收到文件（字段名 file）", "No file received (field 'file').")));
        if (file.Length > MaxImportBytes)
            return (null, null, ImportTooLarge());
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return (buffer.ToArray(), file.FileName, null);
    }

    private static ProblemHttpResult ImportTooLarge() =>
        Problems.BadRequest(ReaderText.Of($"文件超过 {MaxImportBytes / (1024 * 1024)} MB", $"The file is larger than {MaxImportBytes / (1024 * 1024)} MB."));

    /// <summary>The form, or why it is refused: not multipart, larger than the limit, malformed.</summary>
    public static async Task<(IFormCollection? Form, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
            return (null, Problems.BadRequest(ReaderText.Of("请以 multipart/form-data 上传（字段 files）", "Send the files as multipart/form-data in the field 'files'.")));
        if (request.ContentLength > SubmissionFiles.MaxUploadBytes)
        {
            return (null, Problems.BadRequest(ReaderText.Of($"一次上传不超过 {SubmissionFiles.MaxUploadBytes / (1024 * 1024)} MB",
                $"At most {SubmissionFiles.MaxUploadBytes / (1024 * 1024)} MB per upload.")));
        }

        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (InvalidDataException e)
        {
            return (null, Problems.BadRequest(ReaderText.Of("上传内容格式错误：", "The upload is not valid multipart/form-data: ") + e.Message));
        }
    }

    /// <summary>The form's files, each read only once its declared length has been checked.</summary>
    public static List<FileUpload> Uploads(IFormCollection form) => [.. form.Files.Select(file => new FileUpload(file.FileName, file.Length, async cancellationToken =>
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }))];
}
