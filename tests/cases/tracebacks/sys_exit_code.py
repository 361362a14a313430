# sys.exit with an integer status writes nothing to stderr.
import sys


def main(argv):
    print("args:", len(argv))
    for i in range(3):
        print("step", i)
    return 3


if __name__ == "__main__":
    sys.exit(main(sys.argv))
