namespace Archiver.Archive;

/// <summary>
/// A write-only stream that never writes synchronously to the stream it wraps. <see cref="System.IO.Compression.ZipArchive"/>
/// closes each entry with synchronous writes (the deflate tail and the data descriptor, a few kilobytes at most) even
/// when disposed asynchronously; a response body refuses synchronous IO and a blob stream would block a thread on it.
/// Those bytes are kept here and sent, in order, before the next asynchronous write or with the final flush.
/// The wrapped stream is left open.
/// </summary>
internal sealed class DeferredWriteStream(Stream inner) : Stream
{
    private readonly MemoryStream deferred = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => deferred.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => deferred.Write(buffer);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await SendDeferredAsync(cancellationToken);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Nothing here may block: deferred bytes leave with the next asynchronous write or <see cref="FlushAsync"/>.</summary>
    public override void Flush()
    {
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SendDeferredAsync(cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            deferred.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task SendDeferredAsync(CancellationToken cancellationToken)
    {
        if (deferred.Length > 0)
        {
            await inner.WriteAsync(deferred.GetBuffer().AsMemory(0, (int)deferred.Length), cancellationToken);
            deferred.SetLength(0);
        }
    }
}
