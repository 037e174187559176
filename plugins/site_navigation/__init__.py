from .plugin import register
