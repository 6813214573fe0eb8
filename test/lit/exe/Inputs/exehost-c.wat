(module (import "a" "missing" (func)))
