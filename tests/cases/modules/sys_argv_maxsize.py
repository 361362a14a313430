# import sys: argv (run with no extra arguments), maxsize, and a few other attributes.
import sys

print(type(sys.argv).__name__, len(sys.argv))
script = sys.argv[0]
print(script.replace("\\", "/").split("/")[-1])
print(script.endswith(".py"), sys.argv[1:])

print(sys.maxsize, sys.maxsize == 2**63 - 1, type(sys.maxsize).__name__)
print(sys.maxsize + 1, -sys.maxsize - 1)
print(len(range(sys.maxsize)))
try:
    len(range(sys.maxsize + 1))
except OverflowError as e:
    print(type(e).__name__, e)

print(sys.version_info[0], sys.version_info.major >= 3)
print(type(sys).__name__, sys.__name__)

# argument parsing the way a script would do it
def parse(argv):
    n = 10
    verbose = False
    for arg in argv[1:]:
        if arg == "-v":
            verbose = True
        else:
            n = int(arg)
    return n, verbose

print(parse(sys.argv))
print(parse(["prog", "25", "-v"]))

if len(sys.argv) > 1:
    print("got arguments")
else:
    print("no arguments given")

from sys import argv, maxsize
print(argv is sys.argv, maxsize == sys.maxsize)
