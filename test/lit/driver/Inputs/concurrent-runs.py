"""concurrent-runs.py N COMMAND...: starts COMMAND N times at once and
prints each one's exit status and output, in the order they were started,
so that a test can check that runs racing to fill one cache entry each
execute a whole executable."""
import subprocess
import sys

count, command = int(sys.argv[1]), sys.argv[2:]
procs = [
    subprocess.Popen(command + ["run %d" % i], stdout=subprocess.PIPE,
                     stderr=subprocess.STDOUT)
    for i in range(count)
]
for i, proc in enumerate(procs):
    out, _ = proc.communicate()
    print("run %d: exit %d" % (i, proc.returncode))
    sys.stdout.write(out.decode(errors="replace"))
