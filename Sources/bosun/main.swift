import BosunCLI

await BosunCommand.main()
