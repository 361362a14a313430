# A string literal that is not closed before the end of the line.
greeting = "hello
print(greeting)
