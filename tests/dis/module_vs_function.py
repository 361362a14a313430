total = 0
for i in range(3):
    total = total + i

def f():
    total = 0
    for i in range(3):
        total = total + i
    return total

def g():
    global total
    total = total + 1
    return total

def h(n):
    def inner(k):
        return k + n
    return inner(1)

print(total, f(), g(), h(4))
