#!/usr/bin/env python3
"""Start-up time of the bot, from the process start to its first answer on the console.

Starts the bot N times (5 by default), each in a fresh folder (a new H2 database), pipes one question
("semaine 2"), and times from just before the process is created until the answer's line is read on standard
output; then stops the process with SIGTERM and reads the CPU time it used. Prints each run and the medians.

    python3 config/scripts/startup_time.py [runs] [command...]

The command defaults to the README's (config/animabot); for the plain jar:
python3 config/scripts/startup_time.py 5 java -jar config/target/animabot-exec.jar
"""
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time

LAUNCHER = os.path.abspath("config/animabot")


def one_run(command):
    with tempfile.TemporaryDirectory() as folder:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.monotonic()
        process = subprocess.Popen(
            [*command, "--animabot.console.jsonl=true", "--server.port=0", "--management.server.port=0"],
            cwd=folder, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        process.stdin.write(b"semaine 2\n")
        process.stdin.flush()
        line = process.stdout.readline()
        answered = time.monotonic() - started
        if b"semaine 2" not in line:
            raise SystemExit("unexpected first line: %r" % line)
        process.send_signal(signal.SIGTERM)
        process.stdin.close()
        process.wait(timeout=60)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return answered, cpu


def main():
    args = sys.argv[1:]
    runs = int(args.pop(0)) if args and args[0].isdigit() else 5
    command = [os.path.abspath(args[i]) if i > 0 and args[i].endswith(".jar") else args[i]
               for i in range(len(args))] or [LAUNCHER]
    results = []
    for i in range(runs):
        answered, cpu = one_run(command)
        results.append((answered, cpu))
        print("run %d: first answer %.2f s after the process start, %.1f s of CPU in all" % (i + 1, answered, cpu))
    print("median: %.2f s to the first answer, %.1f s of CPU"
          % (statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)))


if __name__ == "__main__":
    main()
