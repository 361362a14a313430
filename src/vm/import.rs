//! `import`: built-in modules implemented in Rust, then the embedded standard library written in
//! Python (`crate::stdlib`), then Python source modules found next to the main program (the
//! script's directory is `sys.path[0]`). A host can register further modules.

use super::exceptions::{ExcKind, PyErr, PyResult};
use super::value::Value;
use super::Vm;
use crate::objects::PyDict;
use std::rc::Rc;

impl Vm {
    /// IMPORT_NAME: the module (for `import a.b`, the top-level package unless names are imported).
    pub fn import_name(
        &mut self,
        name: &str,
        fromlist: &Value,
        level: &Value,
        _globals: &Rc<PyDict>,
    ) -> PyResult<Value> {
        if level.as_int().unwrap_or(0) > 0 {
            return Err(PyErr::new(
                ExcKind::ImportError,
                "attempted relative import with no known parent package",
            ));
        }
        let module = self.import_module(name)?;
        let has_fromlist = match fromlist {
            Value::Tuple(t) => !t.is_empty(),
            Value::None => false,
            _ => true,
        };
        if !has_fromlist && name.contains('.') {
            let top = name.split('.').next().unwrap_or(name);
            return self.import_module(top);
        }
        Ok(module)
    }

    /// Imports (or finds in `sys.modules`) the module called `name`.
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        if let Some(m) = crate::builtins::modules::create(self, name)? {
            self.modules.insert(name.to_string(), m.clone());
            return Ok(m);
        }
        if let Some(source) = crate::stdlib::source(name) {
            let filename = crate::stdlib::filename(name);
            return self.exec_module(name, source, filename);
        }
        if let Some(m) = self.import_source(name)? {
            return Ok(m);
        }
        Err(crate::builtins::classes::import_error(
            ExcKind::ModuleNotFoundError,
            &format!("No module named '{name}'"),
            Some(name),
            None,
        ))
    }

    /// Loads `name.py` from the program's directory, if the host allows file access.
    fn import_source(&mut self, name: &str) -> PyResult<Option<Value>> {
        let Some(dir) = self.module_path.clone() else {
            return Ok(None);
        };
        let rel: std::path::PathBuf = name.split('.').collect();
        let path = dir.join(rel).with_extension("py");
        let Ok(source) = std::fs::read_to_string(&path) else {
            return Ok(None);
        };
        let filename = path.to_string_lossy().to_string();
        self.exec_module(name, &source, filename).map(Some)
    }

    /// Runs `source` as the body of a new module `name`, registered in `sys.modules` while it runs
    /// (so circular imports see it) and removed again if it fails.
    fn exec_module(&mut self, name: &str, source: &str, filename: String) -> PyResult<Value> {
        let m = self.new_module(name);
        m.dict.set_str("__file__", Value::str(filename.clone()));
        let module = Value::Module(m.clone());
        if let Err(e) = self.exec_source(source, &filename, m.dict.clone()) {
            self.modules.remove(name);
            return Err(e);
        }
        Ok(module)
    }

    /// IMPORT_FROM: `from module import name`.
    pub fn import_from(&mut self, module: &Value, name: &Value) -> PyResult<Value> {
        match self.getattr(module, name) {
            Ok(v) => Ok(v),
            Err(e) if e.is(ExcKind::AttributeError) => {
                let n = name.as_str().unwrap_or("");
                let (mname, location) = match module {
                    Value::Module(m) => (
                        m.name.clone(),
                        m.dict
                            .get_str("__file__")
                            .and_then(|f| f.as_str().map(String::from))
                            .unwrap_or_else(|| "unknown location".into()),
                    ),
                    _ => ("?".into(), "unknown location".into()),
                };
                // A submodule of a package is imported on demand.
                if let Ok(sub) = self.import_module(&format!("{mname}.{n}")) {
                    return Ok(sub);
                }
                Err(crate::builtins::classes::import_error(
                    ExcKind::ImportError,
                    &format!("cannot import name '{n}' from '{mname}' ({location})"),
                    Some(&mname),
                    None,
                ))
            }
            Err(e) => Err(e),
        }
    }

    /// `from module import *`: public names (or `__all__`) into `target`.
    pub fn import_star(&mut self, module: &Value, target: &Rc<PyDict>) -> PyResult<()> {
        let Value::Module(m) = module else {
            return Ok(());
        };
        if let Some(all) = m.dict.get_str("__all__") {
            for name in self.collect(&all)? {
                let v = self.getattr(module, &name)?;
                target.set_pystr(&name, v);
            }
            return Ok(());
        }
        for (k, v) in m.dict.items() {
            if k.as_str().is_some_and(|s| !s.starts_with('_')) {
                target.set_pystr(&k, v);
            }
        }
        Ok(())
    }
}
