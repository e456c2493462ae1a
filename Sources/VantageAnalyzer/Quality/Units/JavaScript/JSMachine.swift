/// lizard's CodeStateMachine: a state is a function of the token; a state that is a
/// nested reader returns true when that reader is done, which restores the saved
/// state and runs the callback.
class JSMachine {
    typealias State = (JSTok) -> Bool
    let shared: JSShared
    var ctx: UnitContext { shared.ctx }
    @exclusivity(unchecked) var state: State = { _ in false } {
        didSet { stateMethod = 0 }
    }
    @exclusivity(unchecked) var savedState: State = { _ in false } {
        didSet { savedStateMethod = 0 }
    }
    /// Nonzero while the state is one of the reader's own methods (numbered by the reader; set
    /// only together with `state`): `call` then runs `step` directly, as a closure call retains
    /// and releases its context on every token.
    @exclusivity(unchecked) var stateMethod: UInt8 = 0
    @exclusivity(unchecked) var savedStateMethod: UInt8 = 0

    /// Runs the state method numbered `method` (readers that number their states override it).
    func step(_ method: UInt8, _ t: JSTok) -> Bool { state(t) }
    @exclusivity(unchecked) var callback: (() -> Void)?
    @exclusivity(unchecked) var toExit = false
    var bracketCount = 0

    init(_ shared: JSShared) {
        self.shared = shared
    }

    /// The nested reader the state currently delegates to (lizard: a state that is a machine).
    /// `child` owns it; `childRef` is the same reader, read without retaining it on every token
    /// (it stays alive while `child` holds it, and only this reader's own `call` clears that
    /// after the child's call returned).
    var child: JSMachine? {
        didSet { childRef = child.map { Unmanaged.passUnretained($0) } }
    }
    @exclusivity(unchecked) private var childRef: Unmanaged<JSMachine>?

    /// lizard's JavaScriptBindings reading every token this reader and its nested readers see
    /// (`bindingRef`: the same, read without a retain on every token).
    var bindingCandidate: JSBindings? {
        didSet { bindingRef = bindingCandidate.map { Unmanaged.passUnretained($0) } }
    }
    @exclusivity(unchecked) private var bindingRef: Unmanaged<JSBindings>?

    final func call(_ t: JSTok) -> Bool {
        if let candidate = bindingRef { _ = candidate._withUnsafeGuaranteedRef { $0.read(t) } }
        let done: Bool
        if let c = childRef {
            done = c._withUnsafeGuaranteedRef { $0.call(t) }
            if done { shared.depth -= 1 }
        } else {
            done = stateMethod != 0 ? step(stateMethod, t) : state(t)
        }
        if done {
            child = nil
            state = savedState
            stateMethod = savedStateMethod
            if let cb = callback {
                callback = nil
                cb()
            }
        }
        return toExit
    }

    func next(_ s: @escaping State, _ t: JSTok? = nil) {
        state = s
        if child != nil { child = nil }
        if let t { _ = call(t) }
    }

    func subState(_ machine: JSMachine, callback: (() -> Void)? = nil, token: JSTok? = nil) {
        savedState = state
        savedStateMethod = stateMethod
        self.callback = callback
        shared.depth += 1
        child = machine
        if let token { _ = call(token) }
    }

    func statemachineReturn() {
        toExit = true
        beforeReturn()
    }

    func beforeReturn() {}

    /// `read_inside_brackets_then(open close)` without an end state: calls `done` at depth 0.
    func insideBrackets(_ open: String, _ close: String, _ t: JSTok, done: () -> Void) {
        if t.text == open { bracketCount += 1 } else if t.text == close { bracketCount -= 1 }
        if bracketCount == 0 { done() }
    }
}

