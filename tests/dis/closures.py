def make_counter(start):
    count = start
    def increment(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return increment, get

def adder(n):
    return lambda x: x + n
