"""Module docstring: shows the __name__ == "__main__" idiom."""

print("module level __name__:", __name__)
print("module __doc__:", __doc__)


def helper(n):
    """Return n squared."""
    return n * n


def main():
    print("inside main")
    results = []
    for i in range(-2, 3):
        results.append(helper(i))
    print(results)
    return 0


if __name__ == "__main__":
    print("running as a script")
    status = main()
    print("main returned", status)
else:
    print("imported (should not happen)")

if __name__ != "__main__":
    print("never")

print(type(__name__).__name__, len(__name__))
print(helper.__doc__)
