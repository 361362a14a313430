# The mutable-default-argument trap and the None idiom that avoids it.

def append_to(item, target=[]):
    target.append(item)
    return target

print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))
print("shared default is", append_to.__defaults__)

def append_safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target

print(append_safe(1))
print(append_safe(2))
print(append_safe(3, [0]))

# a dict default used as a memo cache (the "useful" side of the trap)
def fib(n, memo={}):
    if n in memo:
        return memo[n]
    if n < 2:
        result = n
    else:
        result = fib(n - 1) + fib(n - 2)
    memo[n] = result
    return result

print(fib(10), fib(90), fib(150))
print("memo size", len(fib.__defaults__[0]))

# counting calls with a list default
def counted(calls=[0]):
    calls[0] += 1
    return calls[0]

for _ in range(4):
    print("call number", counted())

# the returned list is the same object each time
first = append_to("x")
second = append_to("y")
print(first is second, first)

# mutating the default from outside
append_to.__defaults__[0].clear()
print("after clear:", append_to("fresh"))

# an immutable default cannot be changed this way
def bump(n, step=(1,)):
    step = step + (n,)
    return step

print(bump(5), bump(6))

# a default that is a nested mutable structure
def register(name, registry={"names": [], "count": 0}):
    registry["names"].append(name)
    registry["count"] += 1
    return registry

register("a")
register("b")
print(register("c"))
