/// Where the reader sends each list's typed rows as it reads them, one at a time. `Extract`
/// keeps every row; the engine keeps only what the reporting date's figures need, so memory
/// follows the open cases rather than the size of the files.
public protocol ExtractSink {
    /// A list's header has been read and its rows follow. `columns` are the header's keys
    /// (`Column.key`), for optional columns.
    mutating func begin(_ list: ListKind, columns: Set<String>)
    mutating func add(_ row: Contact)
    mutating func add(_ row: Referral)
    mutating func add(_ row: Assessment)
    mutating func add(_ row: Section47Enquiry)
    mutating func add(_ row: ChildInNeedEpisode)
    mutating func add(_ row: ChildProtectionPlan)
    mutating func add(_ row: ChildInCare)
    mutating func add(_ row: CareLeaver)
    mutating func add(_ row: YouthOffendingCase)
    /// A value that could not be used, or a warning about a list.
    mutating func note(_ issue: DataQualityIssue)
}

extension Extract: ExtractSink {
    public mutating func begin(_ list: ListKind, columns: Set<String>) {
        switch list {
        case .list1:
            contacts = []
            hasContactDecisions = columns.contains(Column.key(Column.contactDecision))
        case .list3: referrals = []
        case .list4: assessments = []
        case .list5: section47s = []
        case .list6: childrenInNeed = []
        case .list7: protectionPlans = []
        case .list8: childrenInCare = []
        case .list9: careLeavers = []
        case .yot: youthOffending = []
        }
    }

    public mutating func add(_ row: Contact) { contacts!.append(row) }
    public mutating func add(_ row: Referral) { referrals!.append(row) }
    public mutating func add(_ row: Assessment) { assessments!.append(row) }
    public mutating func add(_ row: Section47Enquiry) { section47s!.append(row) }
    public mutating func add(_ row: ChildInNeedEpisode) { childrenInNeed!.append(row) }
    public mutating func add(_ row: ChildProtectionPlan) { protectionPlans!.append(row) }
    public mutating func add(_ row: ChildInCare) { childrenInCare!.append(row) }
    public mutating func add(_ row: CareLeaver) { careLeavers!.append(row) }
    public mutating func add(_ row: YouthOffendingCase) { youthOffending!.append(row) }
    public mutating func note(_ issue: DataQualityIssue) { dataQuality.append(issue) }

    /// Sends every row, list by list in file order, to another sink: the same rows a reader
    /// would send.
    public func replay<S: ExtractSink>(into sink: inout S) {
        let supplied = ListKind.allCases.filter(supplies)
        for list in supplied {
            sink.begin(list, columns: list == .list1 && hasContactDecisions ? [Column.key(Column.contactDecision)] : [])
            switch list {
            case .list1: for r in contacts! { sink.add(r) }
            case .list3: for r in referrals! { sink.add(r) }
            case .list4: for r in assessments! { sink.add(r) }
            case .list5: for r in section47s! { sink.add(r) }
            case .list6: for r in childrenInNeed! { sink.add(r) }
            case .list7: for r in protectionPlans! { sink.add(r) }
            case .list8: for r in childrenInCare! { sink.add(r) }
            case .list9: for r in careLeavers! { sink.add(r) }
            case .yot: for r in youthOffending! { sink.add(r) }
            }
        }
        for issue in dataQuality { sink.note(issue) }
    }
}
