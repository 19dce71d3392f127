import BosunCLI

BosunCommand.main()
