// SHA-256 against the FIPS 180-4 / NIST example vectors, in one piece and streamed across block boundaries.
#include <QtTest>

#include <fstream>

#include "lightbox/project/sha256.h"

using lightbox::project::Sha256;
using lightbox::project::sha256Hex;

class TestProjectSha256 : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void knownVectors() {
    QCOMPARE(sha256Hex(""), std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(sha256Hex("abc"), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
             std::string("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
    QCOMPARE(sha256Hex(std::string(1000000, 'a')),
             std::string("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
  }

  // Padding edge cases: lengths around 55/56/64 bytes, fed in every split.
  void streamingEqualsOneShot() {
    for (const size_t n : {55u, 56u, 63u, 64u, 65u, 119u, 120u, 200u}) {
      std::string msg(n, '\0');
      for (size_t i = 0; i < n; ++i) msg[i] = static_cast<char>(i * 31 + 7);
      const std::string whole = sha256Hex(msg);
      for (size_t split = 0; split <= n; split += 13) {
        Sha256 h;
        h.update(std::string_view(msg).substr(0, split));
        h.update(std::string_view(msg).substr(split));
        QCOMPARE(h.finishHex(), whole);
      }
    }
  }

  void fileHash() {
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString() + "/f.bin";
    std::ofstream(path, std::ios::binary) << std::string(3000000, 'a');
    QCOMPARE(lightbox::project::sha256FileHex(path), sha256Hex(std::string(3000000, 'a')));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, lightbox::project::sha256FileHex(dir.path().toStdString() + "/none"));
  }
};

QTEST_GUILESS_MAIN(TestProjectSha256)
#include "test_project_sha256.moc"
