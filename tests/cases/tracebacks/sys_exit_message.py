# sys.exit with a string prints it to stderr and exits with status 1.
import sys

data = [3, 1, 2]
print("sorted:", sorted(data))
if len(data) < 5:
    sys.exit("error: need at least 5 values, got %d" % len(data))
print("not reached")
