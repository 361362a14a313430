# An endless loop compiled by the JIT: `--timeout` and Ctrl-C stop it from compiled code.
x = 0
f = 0.5
while True:
    x += 1
    f = f * 0.999 + 1.0
