# Raising an exception class with no arguments: the last line is just the class name.

def pop_all(stack):
    while True:
        if not stack:
            raise IndexError
        print("popped", stack.pop())


pop_all([1, "two", 3.0])
