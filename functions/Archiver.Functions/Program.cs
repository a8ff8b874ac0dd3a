using Archiver.Functions;

ArchiverApplication.Create(args).Run();
