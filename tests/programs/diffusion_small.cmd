programs/diffusion.py 16 4
