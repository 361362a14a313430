programs/mandelbrot.py 40 30
