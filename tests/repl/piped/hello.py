import sys
x = [1, 2, 3]
print(sum(x), "from", __name__)
x
def f():
    return g()
def g():
    return {}["missing"]
print("before")
f()
print("not reached")
