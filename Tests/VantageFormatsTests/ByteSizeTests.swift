import Testing
@testable import VantageFormats

@Suite struct ByteSizeTests {
    @Test func sizesAsUsersWriteThem() {
        #expect(ByteSize.parse("256M") == 256 << 20)
        #expect(ByteSize.parse("1g") == 1 << 30)
        #expect(ByteSize.parse(" 512kb ") == 512 << 10)
        #expect(ByteSize.parse("1.5G") == 1_610_612_736)
        #expect(ByteSize.parse("1048576") == 1_048_576)
        #expect(ByteSize.parse("0") == 0)
    }

    @Test func anythingElseIsNilNeverATrap() {
        for bad in ["", "M", "lots", "-1M", "inf", "nan", "1e30g", "99999999999999999999", "1e300"] {
            #expect(ByteSize.parse(bad) == nil, "\(bad)")
        }
    }
}
