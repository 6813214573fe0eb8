(module (table 4000000000 funcref) (func (export "_start")))
