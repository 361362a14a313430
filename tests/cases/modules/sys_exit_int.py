# sys.exit with an integer sets the exit status; code after it does not run,
# but finally blocks do, and SystemExit can be caught.
import sys

try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit with code", e.code, e.args)

try:
    sys.exit()
except SystemExit as e:
    print("caught SystemExit with code", e.code)

try:
    sys.exit(0)
except SystemExit as e:
    print("caught SystemExit with code", e.code)

try:
    raise SystemExit(7)
except SystemExit as e:
    print("raise SystemExit:", e.code)

print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))

try:
    sys.exit(2)
except Exception:
    print("not reached: SystemExit is not an Exception")
except BaseException as e:
    print("caught as BaseException:", type(e).__name__, e.code)


def main():
    print("main starts")
    try:
        sys.exit(3)
    finally:
        print("finally runs before exiting")
    print("not reached")


if __name__ == "__main__":
    main()
    print("not reached either")
