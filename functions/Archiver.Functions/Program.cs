using Archiver.Functions;
using Archiver.Functions.Hosting;

if (HostingMode.Detect(args).UnderHost)
{
    ArchiverApplication.CreateWorker(args).Run();
}
else
{
    ArchiverApplication.Create(args).Run();
}
