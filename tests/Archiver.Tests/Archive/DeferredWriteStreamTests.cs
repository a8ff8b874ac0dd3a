using Archiver.Archive;

namespace Archiver.Tests.Archive;

public sealed class DeferredWriteStreamTests
{
    [Fact]
    public async Task Write_SynchronousBetweenAsynchronous_InnerGetsEverythingInOrderAndOnlyAsynchronously()
    {
        var inner = new AsyncOnlyStream();
        await using var stream = new DeferredWriteStream(inner);

        await stream.WriteAsync("ab"u8.ToArray(), TestContext.Current.CancellationToken);
        stream.Write("cd"u8);
        stream.Write("ef"u8.ToArray(), 0, 2);
        stream.Flush();
        var beforeNextWrite = inner.ToArray();
        await stream.WriteAsync("gh"u8.ToArray(), TestContext.Current.CancellationToken);
        stream.Write("ij"u8);
        await stream.FlushAsync(TestContext.Current.CancellationToken);

        Assert.Equal("ab"u8.ToArray(), beforeNextWrite);
        Assert.Equal("abcdefghij"u8.ToArray(), inner.ToArray());
        Assert.Equal(1, inner.Flushes);
    }

    /// <summary>A stream that fails any synchronous write or flush, as a Kestrel response body does by default.</summary>
    private sealed class AsyncOnlyStream : Stream
    {
        private readonly List<byte> received = [];

        public int Flushes { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => received.Count;

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public byte[] ToArray() => [.. received];

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("synchronous write");

        public override void Flush() => throw new InvalidOperationException("synchronous flush");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            received.AddRange(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flushes++;
            return Task.CompletedTask;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
