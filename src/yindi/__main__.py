from yindi.cli import main

main()
