namespace Archiver.Notify;

/// <summary>Hands change events to whoever listens; never blocks and never fails the caller.</summary>
public interface IChangeNotifier
{
    void Publish(ChangeEvent change);
}
