/// Type annotations (`: T`, `: {…}`, `: (a) => b`, `: Map<K, V>`) read and dropped.
final class JSTypeAnnotationStates: JSMachine {
    var savedToken: JSTok?

    override init(_ shared: JSShared) {
        super.init(shared)
        state = { [unowned(unsafe) self] t in self.global(t) }
        savedState = state
    }

    private func global(_ t: JSTok) -> Bool {
        if t.text == "{" {
            next({ [unowned(unsafe) self] in self.bracketed("{", "}", $0) }, t)
        } else {
            next({ [unowned(unsafe) self] in self.simpleType($0) }, t)
        }
        return false
    }

    private func simpleType(_ t: JSTok) -> Bool {
        let x = t.text
        let c = t.code
        if x == "<" {
            next({ [unowned(unsafe) self] in self.bracketed("<", ">", $0) }, t)
        } else if c == .lbrace || x == "=" || x == ";" || x == ")" || x.isEmpty {
            savedToken = t
            statemachineReturn()
        } else if c == .lparen {
            next({ [unowned(unsafe) self] in self.bracketed("(", ")", $0) }, t)
        } else if c == .arrow {
            savedToken = t
            statemachineReturn()
        }
        return false
    }

    private func bracketed(_ open: String, _ close: String, _ t: JSTok) -> Bool {
        insideBrackets(open, close, t) { statemachineReturn() }
        return false
    }
}

