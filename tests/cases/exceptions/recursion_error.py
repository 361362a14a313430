# Deep recursion is caught as RecursionError, and the program keeps working afterwards.
import sys


def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
    print("is RuntimeError:", isinstance(e, RuntimeError))


def mutual_a(n):
    return mutual_b(n + 1)


def mutual_b(n):
    return mutual_a(n + 1)


try:
    mutual_a(0)
except RecursionError as e:
    print("mutual:", type(e).__name__, e)

# recursion that fits comfortably works fine
def depth_sum(n):
    if n == 0:
        return 0
    return n + depth_sum(n - 1)


print(depth_sum(500))


# catching RuntimeError also catches RecursionError
def factorial(n):
    return n * factorial(n - 1)  # missing base case


try:
    factorial(5)
except RuntimeError as e:
    print("caught as RuntimeError:", type(e).__name__)

# after recovery, recursion depth is available again
print(depth_sum(800))


# a recursion error caught deep inside still lets finally clauses run on the way out
unwound = [0]


def guarded(n):
    try:
        return guarded(n + 1)
    finally:
        unwound[0] += 1


try:
    guarded(0)
except RecursionError as e:
    print("guarded:", e, "| finally ran:", unwound[0] > 100)


# catching it at a particular level and returning a value
def probe(n):
    try:
        return probe(n + 1)
    except RecursionError:
        return "stopped"


print(probe(0))
print(sys.getrecursionlimit())
