total = 0

def add(n):
    global total
    total += n
    return total

def outer():
    x = 1
    def inner():
        nonlocal x
        x = x * 2
        return x
    inner()
    return x

del total
