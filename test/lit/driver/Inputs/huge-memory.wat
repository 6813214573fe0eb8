(module (memory 65536) (func (export "_start") (i32.store (i32.const 0xfffffffc) (i32.const 1))))
