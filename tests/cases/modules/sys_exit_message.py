# sys.exit with a string prints it on stderr and exits with status 1.
import sys


def check(values):
    total = 0
    for v in values:
        if v < 0:
            sys.exit("error: negative value " + str(v))
        total += v
        print("running total", total)
    return total


try:
    sys.exit("caught message")
except SystemExit as e:
    print("caught:", e.code, type(e.code).__name__)

print(check([1, 2, 3]))
check([4, 5, -6, 7])
print("never printed")
